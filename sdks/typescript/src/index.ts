import { Core, type ClientOptions, type RequestOptions } from './core.js';
import { API_VERSION, Resources, type BulkItemResult, type BulkJob, type BulkJobWithResults } from './generated/resources.js';

export * from './errors.js';
export * from './generated/resources.js';
export type { components, operations, paths } from './generated/schema.js';
export { EventStream, PagePromise, type BinaryResponse, type ClientOptions, type Page, type RequestOptions, type StreamOptions, type Uploadable } from './core.js';
export { verifyWebhook, signWebhook, WebhookVerificationError, type VerifyOptions, type WebhookEvent } from './webhooks.js';

/**
 * The SabNode API client. Every resource of the API is a property (`client.contacts.create(…)`), generated from
 * openapi.yaml.
 */
export class SabNode extends Resources {
  private readonly core: Core;

  constructor(options: ClientOptions = {}) {
    const core = new Core(options, API_VERSION);
    super(core);
    this.core = core;
  }

  get baseURL(): string {
    return this.core.baseURL;
  }

  get apiVersion(): string {
    return this.core.apiVersion;
  }

  /**
   * Waits for a bulk call's job to finish and returns it with every per-item result. Accepts what a bulk method
   * answered: a finished job (`200`, returned as is) or a running one (`202`, polled until `completed`).
   */
  async waitForBulkJob(job: BulkJob | BulkJobWithResults, options: RequestOptions & { pollIntervalMs?: number; timeoutMs?: number } = {}): Promise<BulkJobWithResults> {
    if ('results' in job) return job;
    const { pollIntervalMs = 1_000, timeoutMs = 10 * 60_000, ...request } = options;
    const deadline = Date.now() + timeoutMs;
    let current: BulkJob = job;
    while (current.status !== 'completed') {
      if (Date.now() > deadline) throw new Error(`bulk job ${job.id} still running after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
      current = await this.bulkJobs.retrieve(current.id, request);
    }
    const results: BulkItemResult[] = [];
    for await (const result of this.bulkJobs.listResults(current.id, { limit: 100 }, request)) results.push(result);
    return { ...current, results };
  }
}

export default SabNode;
