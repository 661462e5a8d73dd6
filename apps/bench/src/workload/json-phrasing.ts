/** Extraction instructions sent with a JSON schema (`Output.object`). */
export const SCHEMA_TEMPLATES: readonly ((text: string) => string)[] = [
  (text) => `Extract the customer's details from the text below.\n\nText:\n${text}`,
  (text) => `Read this record and fill in the fields.\n\n${text}`,
  (text) => `Extract structured data from the following profile:\n${text}`,
  (text) => `Pull the requested fields out of this CRM note.\n\n${text}`,
  (text) => `Here is a customer profile. Extract the relevant information.\n\n${text}`,
];

/** Extraction instructions that name the keys in the prompt (`Output.json`, no schema). */
export const KEYS_TEMPLATES: readonly ((keys: string, text: string) => string)[] = [
  (keys, text) => `Return a JSON object with the keys ${keys} for this text.\n\n${text}`,
  (keys, text) => `Read the profile below and answer in JSON with the keys ${keys}.\n\n${text}`,
  (keys, text) => `Give me a JSON object with these fields: ${keys}.\n\n${text}`,
];

/** Wrappers of a yes/no question about the record (a different task on the same text). */
export const YES_NO_TEMPLATES: readonly ((question: string, text: string) => string)[] = [
  (q, text) => `Based on the text below, ${q.charAt(0).toLowerCase()}${q.slice(1)} Answer yes or no.\n\n${text}`,
  (q, text) => `${q} Reply with yes or no.\n\nProfile:\n${text}`,
];

/** Wrappers of a short factual question about the record. */
export const SHORT_ANSWER_TEMPLATES: readonly ((question: string, text: string) => string)[] = [
  (q, text) => `According to this profile, ${q.charAt(0).toLowerCase()}${q.slice(1)}\n\n${text}`,
  (q, text) => `${q} Answer in a few words.\n\n${text}`,
];
