import type { BackendController } from './backendController';
import { watchWebGLContext, type BackendName } from './backends';
import { errorText, message, type Text } from './message';
import type { Trainer, TrainOutcome } from './trainer';

export interface WatchedOutcome {
  /** Null when the run was abandoned because the WebGL context was lost. */
  outcomes: TrainOutcome[] | null;
  /** Why the backend broke (a lost context, a failed step), or null if it did not. */
  brokenBy: Text | null;
}

/**
 * Runs the trainers to their end, watching the WebGL context: if it is lost, the trainers are
 * stopped and not waited for (a GPU read may never answer). The caller falls back and restarts.
 */
export async function runWatched(trainers: readonly Trainer[]): Promise<WatchedOutcome> {
  let onLost = () => {};
  const lost = new Promise<null>((resolve) => (onLost = () => resolve(null)));
  let contextLost = false;
  const unwatch = watchWebGLContext(() => {
    contextLost = true;
    trainers.forEach((t) => t.stop());
    onLost();
  });
  try {
    const outcomes = await Promise.race([Promise.all(trainers.map((t) => t.run())), lost]);
    if (contextLost) return { outcomes, brokenBy: message('backend.contextLost') };
    const failed = outcomes?.find((o) => o.status === 'failed');
    return {
      outcomes,
      brokenBy: failed ? (failed.error ?? message('backend.stepFailed')) : null,
    };
  } finally {
    unwatch();
  }
}

/**
 * After a run broke its backend: moves to the next backend that starts (the caller restarts the
 * run), or returns the message to show when none is left.
 */
export async function fallBackFrom(
  controller: BackendController,
  broken: BackendName,
  why: Text,
): Promise<Text | null> {
  try {
    await controller.fallback(broken, why);
    return null;
  } catch (err) {
    return errorText(err);
  }
}
