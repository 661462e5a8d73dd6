import type { LanguageModelV4 } from '@ai-sdk/provider';

/** Backends the benchmark can run against. */
export type BackendName = 'sim' | 'sim-http' | 'ollama' | 'openai';

/** The backend of one seed: a factory of independent model instances and its teardown. */
export interface BackendSession {
  /** A new backend model instance (one per system, all with the seed's settings). */
  newModel(): LanguageModelV4;
  /** Releases what the session holds (the local HTTP server of `sim-http`). */
  close(): Promise<void>;
}

/** A backend: how to reach a model, and how its latency is accounted. */
export interface Backend {
  readonly name: BackendName;
  /** True for the simulated backends: every figure they produce is SIMULATED. */
  readonly simulated: boolean;
  /** Model id requests go to. */
  readonly modelId: string;
  /** One line naming the backend for reports. */
  readonly description: string;
  /**
   * True when request latency is accounted as wall time plus the simulated
   * model time the backend reports (the simulator at time scale 0); false
   * when it is wall time only (real backends, or the simulator waiting in
   * real time).
   */
  readonly virtualTime: boolean;
  /** Opens the backend for one seed. */
  open(seed: number): Promise<BackendSession>;
}
