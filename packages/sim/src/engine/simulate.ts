import { answerJson } from '../json/answer-json';
import { repairJson } from '../json/repair-json';
import type { LatencyPlan, SimLatencyOptions } from '../latency/latency-model';
import { planLatency } from '../latency/latency-model';
import { answerLinear, continueLinear } from '../linear/answer-linear';
import { countPromptTokens } from '../prompt/prompt-tokens';
import { hashString, mixSeeds } from '../random/hash';
import { Rng } from '../random/rng';
import { answerText } from '../text/answer-text';
import { tokenize } from '../tokenizer/tokenizer';
import type { SimTask } from './classify-task';
import { classifyTask } from './classify-task';
import type { SimErrorRates } from './error-rates';
import type { SimRequest } from './sim-request';

/** Engine settings (resolved model options). */
export interface SimConfig {
  /** Model seed. */
  seed: number;
  /** Error rates. */
  errors: SimErrorRates;
  /** Latency model. */
  latency: SimLatencyOptions;
  /** Cut answers at `maxOutputTokens` with finish reason `length`. */
  truncateAtMaxOutputTokens: boolean;
}

/** Everything the simulated model decided for one request. */
export interface SimOutcome {
  /** The answer text (after stop sequences and truncation). */
  text: string;
  /** The answer split into simulated tokens (one stream delta each). */
  tokens: string[];
  /** `stop`, or `length` when cut at `maxOutputTokens`. */
  finishReason: 'stop' | 'length';
  /** Simulated token counts. */
  usage: { inputTokens: number; outputTokens: number };
  /** Simulated timing, before `timeScale`. */
  latency: LatencyPlan;
  /** The seed this response was drawn from (model seed × prompt hash × call seed). */
  seed: number;
  /** What the model recognised. */
  task: SimTask;
  /** Errors injected on purpose (for analysis only). */
  injected: string[];
}

/** The per-request seed: same model seed + same request content (+ same call seed) → same seed. */
export function requestSeed(modelSeed: number, request: SimRequest): number {
  const content = JSON.stringify({ messages: request.messages, responseFormat: request.responseFormat ?? null });
  const parts = [modelSeed, hashString(content)];
  if (request.seed !== undefined) parts.push(request.seed);
  return mixSeeds(...parts);
}

/** Runs the simulated model on one request. Pure and synchronous: timing is only planned here. */
export function simulate(request: SimRequest, config: SimConfig): SimOutcome {
  const seed = requestSeed(config.seed, request);
  const rng = new Rng(seed);
  const classified = classifyTask(request);
  const schema = request.responseFormat?.type === 'json' ? request.responseFormat.schema : undefined;
  let answer: { text: string; injected: string[] };
  switch (classified.task) {
    case 'linear':
      answer = answerLinear(classified.system, rng.fork('linear'), config.errors);
      break;
    case 'linear-continue':
      answer = continueLinear(classified.system, classified.prefix, rng.fork('continue'), config.errors);
      break;
    case 'json':
      answer = answerJson(request.messages, schema, rng.fork('json'), config.errors);
      break;
    case 'json-repair':
      answer = repairJson(request.messages, schema, rng.fork('repair'), config.errors);
      break;
    case 'text': {
      const lastUser = [...request.messages].reverse().find((m) => m.role === 'user')?.text ?? '';
      answer = { text: answerText(lastUser, rng.fork('text')), injected: [] };
      break;
    }
  }
  let text = answer.text;
  for (const stop of request.stopSequences ?? []) {
    const at = stop === '' ? -1 : text.indexOf(stop);
    if (at >= 0) text = text.slice(0, at);
  }
  let tokens = tokenize(text);
  let finishReason: 'stop' | 'length' = 'stop';
  const max = request.maxOutputTokens;
  if (config.truncateAtMaxOutputTokens && max !== undefined && tokens.length > max) {
    tokens = tokens.slice(0, Math.max(0, max));
    text = tokens.join('');
    finishReason = 'length';
  }
  const inputTokens = countPromptTokens(request.messages);
  return {
    text,
    tokens,
    finishReason,
    usage: { inputTokens, outputTokens: tokens.length },
    latency: planLatency(inputTokens, tokens.length, config.latency, rng.fork('latency')),
    seed,
    task: classified.task,
    injected: answer.injected,
  };
}
