import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from './config';
import { errorText, message, MessageError, type Message } from './message';

/** A file as the browser gives it (and Node 20's `File` from `node:buffer`). */
export interface ModelFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

interface DenseShape {
  units: number;
  activation: string;
}

const list = (values: readonly (number | string)[]) => `[${values.join(', ')}]`;

function denseLayers(model: tf.LayersModel): DenseShape[] {
  return model.layers
    .filter((layer) => layer.getClassName() === 'Dense')
    .map((layer) => {
      const config = layer.getConfig();
      return { units: Number(config.units), activation: String(config.activation) };
    });
}

/**
 * Null if a loaded model has the architecture `expected` describes (input shape, the Dense
 * layers' units and activations, the output), else a message that says what differs.
 */
export function checkLoadedModel(model: tf.LayersModel, expected: ModelConfig): Message | null {
  const input = (model.inputs[0]?.shape ?? []).slice(1).map((d) => d ?? '?');
  if (list(input) !== list(expected.inputShape)) {
    return message('modelFiles.inputShape', {
      file: list(input),
      model: list(expected.inputShape),
    });
  }
  const dense = denseLayers(model);
  if (dense.length === 0) return message('modelFiles.noDense');
  const hidden = dense.slice(0, -1);
  const output = dense[dense.length - 1]!;
  const units = (layers: readonly DenseShape[]) => list(layers.map((l) => l.units));
  if (units(hidden) !== units(expected.hidden)) {
    return message('modelFiles.hidden', { file: units(hidden), model: units(expected.hidden) });
  }
  const activations = (layers: readonly DenseShape[]) => list(layers.map((l) => l.activation));
  if (activations(hidden) !== activations(expected.hidden)) {
    return message('modelFiles.activations', {
      file: activations(hidden),
      model: activations(expected.hidden),
    });
  }
  if (output.units !== expected.output.units || output.activation !== expected.output.activation) {
    return message('modelFiles.output', {
      file: `${output.units} ${output.activation}`,
      model: `${expected.output.units} ${expected.output.activation}`,
    });
  }
  return null;
}

const BYTES: Record<string, number> = {
  float32: 4,
  int32: 4,
  bool: 1,
  uint8: 1,
  uint16: 2,
  float16: 2,
};

function weightBytes(spec: tf.io.WeightsManifestEntry): number {
  const count = spec.shape.reduce((a, b) => a * b, 1);
  return count * (BYTES[spec.quantization?.dtype ?? spec.dtype] ?? 4);
}

const basename = (path: string) => path.split('/').pop() ?? path;

/**
 * Loads a model saved with `model.save('downloads://name')`: `name.json` and `name.weights.bin`,
 * in any order. Every problem (a missing file, a file that is not the model's JSON, a weights file
 * of the wrong length) is thrown as an Error whose message names the file.
 *
 * The files are read and checked here and handed to tfjs from memory, not through
 * `tf.io.browserFiles`: that parses the JSON inside a FileReader callback, so a corrupted file
 * throws outside its promise and the load never settles; it also wants the weights file under its
 * original name, which a browser changes on a second download ("name (1).weights.bin").
 */
export async function loadModelFiles(files: readonly ModelFile[]): Promise<tf.LayersModel> {
  const jsons = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  const others = files.filter((f) => !jsons.includes(f));
  const names = (list: readonly ModelFile[]) => list.map((f) => f.name).join(', ');
  if (jsons.length !== 1) {
    throw new MessageError(
      jsons.length === 0
        ? message('modelFiles.noJson', {
            files: files.length ? names(files) : message('modelFiles.chosenFiles'),
          })
        : message('modelFiles.manyJson', { files: names(jsons) }),
    );
  }
  const jsonFile = jsons[0]!;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await jsonFile.text());
  } catch {
    throw new MessageError(message('modelFiles.notJson', { file: jsonFile.name }));
  }
  const artifacts = parsed as Partial<tf.io.ModelJSON> | null;
  if (
    !artifacts ||
    typeof artifacts !== 'object' ||
    !artifacts.modelTopology ||
    !Array.isArray(artifacts.weightsManifest)
  ) {
    throw new MessageError(message('modelFiles.notModel', { file: jsonFile.name }));
  }
  const groups = artifacts.weightsManifest;
  const specs = groups.flatMap((g) => g.weights);
  const paths = groups.flatMap((g) => g.paths);
  if (others.length === 0) {
    throw new MessageError(
      message('modelFiles.weightsMissing', {
        file: jsonFile.name,
        weights: paths.map(basename).join(', ') || message('modelFiles.itsWeights'),
      }),
    );
  }
  // Match each weights path by name; a single weights file may have been renamed.
  const weightFiles = paths.map(
    (path) =>
      others.find((f) => f.name === basename(path)) ??
      (paths.length === 1 && others.length === 1 ? others[0] : undefined),
  );
  const missing = paths.filter((_, i) => !weightFiles[i]);
  if (missing.length) {
    throw new MessageError(
      message('modelFiles.weightsNotFound', { files: missing.map(basename).join(', ') }),
    );
  }
  const buffers = await Promise.all(weightFiles.map((f) => f!.arrayBuffer()));
  const want = specs.reduce((sum, s) => sum + weightBytes(s), 0);
  const got = buffers.reduce((sum, b) => sum + b.byteLength, 0);
  const weightsName = weightFiles.map((f) => f!.name).join(', ');
  if (got !== want) {
    throw new MessageError(
      message('modelFiles.wrongSize', { weights: weightsName, got, file: jsonFile.name, want }),
    );
  }
  const weightData = new Uint8Array(got);
  let at = 0;
  for (const b of buffers) {
    weightData.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  try {
    return await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: artifacts.modelTopology,
        weightSpecs: specs,
        weightData: weightData.buffer,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
      }),
    );
  } catch (err) {
    throw new MessageError(
      message('modelFiles.notLoadable', { file: jsonFile.name, error: errorText(err) }),
    );
  }
}

/** The `name.json` tfjs writes for a model whose weights are in `weightsName`. */
export function modelJSON(artifacts: tf.io.ModelArtifacts, weightsName: string): tf.io.ModelJSON {
  return {
    modelTopology: artifacts.modelTopology!,
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    weightsManifest: [{ paths: [`./${weightsName}`], weights: artifacts.weightSpecs ?? [] }],
  };
}

/** The model's two files, as `model.save('downloads://name')` writes them. */
export async function modelFiles(
  model: tf.LayersModel,
  name: string,
): Promise<{ json: { name: string; text: string }; weights: { name: string; data: ArrayBuffer } }> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler((a) => {
      artifacts = a;
      return Promise.resolve({
        modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' },
      });
    }),
  );
  const weightsName = `${name}.weights.bin`;
  const data = artifacts!.weightData;
  return {
    json: { name: `${name}.json`, text: JSON.stringify(modelJSON(artifacts!, weightsName)) },
    weights: {
      name: weightsName,
      data: data instanceof ArrayBuffer ? data : concat(data ?? []),
    },
  };
}

function concat(parts: ArrayBuffer[]): ArrayBuffer {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p), at);
    at += p.byteLength;
  }
  return out.buffer;
}

/**
 * Downloads `name.json` and `name.weights.bin`, as `model.save('downloads://name')` does. The lab
 * does it itself because in its production build that URL fails with "Cannot find any save
 * handlers for URL 'downloads://…'". Browser only.
 */
export async function downloadModel(model: tf.LayersModel, name: string): Promise<void> {
  const { json, weights } = await modelFiles(model, name);
  const files = [
    { name: json.name, blob: new Blob([json.text], { type: 'application/json' }) },
    { name: weights.name, blob: new Blob([weights.data], { type: 'application/octet-stream' }) },
  ];
  for (const file of files) {
    const url = URL.createObjectURL(file.blob);
    const a = document.createElement('a');
    a.download = file.name;
    a.href = url;
    a.click();
    // One download at a time: some browsers keep only the last of several started at once.
    await new Promise((resolve) => setTimeout(resolve, 100));
    URL.revokeObjectURL(url);
  }
}
