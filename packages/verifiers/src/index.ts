export * from './verifier';
export * from './errors/stepcache-error';
export * from './builtin-verifiers';
export * from './segmentation';
export * from './linear-equation';
export * from './json';
