/**
 * Turns prompts into vectors for retrieval. The middleware accepts either an
 * `Embedder` or an AI SDK `EmbeddingModel`; the latter is adapted with
 * `embeddingModelEmbedder`.
 */
export interface Embedder {
  /** A stable name, part of every partition key so vectors of two embedders never mix. */
  readonly id: string;
  /** Embeds one text. The result need not be unit length; the middleware normalises it. */
  embed(text: string, options?: { abortSignal?: AbortSignal }): Promise<Float32Array | number[]>;
}
