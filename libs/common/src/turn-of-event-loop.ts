/**
 * Resolves on the next turn of the event loop. Awaiting the embedded store
 * never gives one (it answers synchronously), so a long walk of the log calls
 * this between pages, or it would hold every other request of the process
 * until it ended.
 */
export const turnOfEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
