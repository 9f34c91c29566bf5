import { ActivityFailure, proxyActivities, sleep } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { TemplateReviewInput } from '../commands/template-review';

// A submission is retried through throttling and outages for about an hour, then the review gives up: rejected with
// `submission_failed`, and an edit submits it again.
const { submitTemplateForReview } = proxyActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '5m', maximumAttempts: 16 },
});
// recording the answer never gives up: the review has answered, and a database outage only delays it
const { applyTemplateVerdict } = proxyActivities<Activities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

/**
 * One version of a template in review (`<ws>/template-review/<tpl_id>/<version>`): the sandbox's verdict after its
 * delay (a durable timer), or the submission to the channel's WhatsApp Business Account, whose status notifications
 * then move the template. An edit in between makes a new version with its own review; this one then changes nothing.
 */
export async function templateReview(input: TemplateReviewInput): Promise<{ outcome: string }> {
  let step: Awaited<ReturnType<typeof submitTemplateForReview>>;
  try {
    step = await submitTemplateForReview(input);
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    await applyTemplateVerdict({ ...input, status: 'rejected', reason: 'submission_failed' });
    return { outcome: 'submission_failed' };
  }
  if (step.kind === 'sandbox') {
    if (step.delayMs > 0) await sleep(step.delayMs);
    await applyTemplateVerdict({ ...input, status: step.status, reason: step.reason ?? '' });
    return { outcome: step.status };
  }
  if (step.kind === 'refused') {
    await applyTemplateVerdict({ ...input, status: 'rejected', reason: step.reason });
    return { outcome: 'rejected' };
  }
  return { outcome: step.kind };
}
