/**
 * `npm run data`: puts the Fashion-MNIST files into public/data/fashion-mnist/ (see fashionData.ts).
 * Exits 0 when they cannot be had (the lab then asks for them), or 1 with `--require`.
 *
 *   FASHION_MNIST_DIR=~/datasets/fashion npm run data
 */
import { fileURLToPath } from 'node:url';
import { fetchDataCommand, SYSTEM_DIR } from './fashionData';

process.exitCode = await fetchDataCommand(process.argv.slice(2), {
  env: process.env,
  systemDir: SYSTEM_DIR,
  targetDir: fileURLToPath(new URL('../public/data/fashion-mnist/', import.meta.url)),
  fetchFn: fetch,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
