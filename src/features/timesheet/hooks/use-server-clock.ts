// The server's clock moved to src/utils, shared with the review banner; the review page imports it here.
export { useServerClock, useTicking } from '#src/utils/server-clock.ts';
