/**
 * Lets the browser paint and handle input, then continues. A MessageChannel task is not clamped
 * to 4 ms the way nested `setTimeout(0)` is, and it works the same in Node and in workers.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      channel.port2.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export const now: () => number = () => performance.now();
