export { joinSteps, segmentSteps } from './segment-steps';
