import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../model/options';
import { classifyTask } from './classify-task';
import type { SimRequest } from './sim-request';
import { simulate } from './simulate';

const config = resolveOptions({ errors: 'none' });
const problem = 'Solve the system: 2x + 3y = 12 and x - y = 1';

describe('classifyTask', () => {
  it('tells linear, continue, JSON, repair and free-text requests apart', () => {
    const task = (request: SimRequest) => classifyTask(request).task;
    expect(task({ messages: [{ role: 'user', text: problem }] })).toBe('linear');
    expect(task({ messages: [{ role: 'system', text: `Problem: ${problem}` }, { role: 'user', text: 'Go ahead.' }] })).toBe('linear');
    expect(task({ messages: [{ role: 'user', text: problem }, { role: 'assistant', text: '1. Multiply equation (2) by 2: 2x - 2y = 2' }, { role: 'user', text: 'Continue with the remaining steps.' }] })).toBe('linear-continue');
    expect(task({ messages: [{ role: 'user', text: `${problem}\n\nPartial solution:\n1. Multiply equation (2) by 2: 2x - 2y = 2\n\nContinue from here.` }] })).toBe('linear-continue');
    expect(task({ messages: [{ role: 'user', text: 'Name: Ann' }], responseFormat: { type: 'json' } })).toBe('json');
    expect(task({ messages: [{ role: 'user', text: 'Return JSON with keys name and age. Name: Ann, Age: 3' }] })).toBe('json');
    expect(task({ messages: [{ role: 'assistant', text: '{"a": "1"}' }, { role: 'user', text: 'Fix the JSON: /a must be integer' }], responseFormat: { type: 'json' } })).toBe('json-repair');
    expect(task({ messages: [{ role: 'user', text: 'Tell me about tea.' }] })).toBe('text');
  });
});

describe('simulate', () => {
  it('continues a conversation after partial steps with only the remaining steps', () => {
    const outcome = simulate(
      {
        messages: [
          { role: 'user', text: problem },
          { role: 'assistant', text: '1. Multiply equation (2) by 2 so the x coefficients match: 2x - 2y = 2\n2. Subtract the new equation (2) from equation (1): 5y = 10' },
          { role: 'user', text: 'Continue the solution with the remaining steps.' },
        ],
      },
      config,
    );
    expect(outcome.task).toBe('linear-continue');
    expect(outcome.text).toMatch(/^3\. /);
    expect(outcome.text).not.toContain('5y = 10');
    expect(outcome.text).toMatch(/x = 3\b[\s\S]*y = 2\b|\(3, 2\)/);
  });

  it('answers free text briefly and deterministically', () => {
    const a = simulate({ messages: [{ role: 'user', text: 'How do I brew green tea?' }] }, config);
    const b = simulate({ messages: [{ role: 'user', text: 'How do I brew green tea?' }] }, config);
    expect(a.task).toBe('text');
    expect(a.text).toBe(b.text);
    expect(a.usage.outputTokens).toBeLessThan(120);
  });

  it('plans timing from the latency model: TTFT grows with the prompt', () => {
    const flat = resolveOptions({ latency: { jitter: 0 } });
    const short = simulate({ messages: [{ role: 'user', text: 'Hi' }] }, flat);
    const long = simulate({ messages: [{ role: 'user', text: `Hi ${'there '.repeat(200)}` }] }, flat);
    expect(long.latency.ttftMs - short.latency.ttftMs).toBeCloseTo(long.usage.inputTokens - short.usage.inputTokens, 5);
    expect(short.latency.totalMs).toBeCloseTo(short.latency.ttftMs + 17.5 * (short.usage.outputTokens - 1), 5);
  });
});
