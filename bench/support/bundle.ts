import { build, type Metafile } from 'esbuild';
import { statSync } from 'node:fs';
import { esbuildOptions } from '../../infra/bundling.ts';

/** A Lambda bundle built as CDK would build it, with esbuild's account of where its bytes come from. */
export interface Bundle {
  entry: string;
  file: string;
  bytes: number;
  /** Bytes in the output per source: an npm package, or a folder of this repository. */
  sources: { source: string; bytes: number }[];
  /** The first import path from the entry to a file of `source` (e.g. `zod`), or `undefined`. */
  chainTo: (source: string) => string[] | undefined;
}

/** `@aws-sdk/client-dynamodb`, `zod`, or a folder of the repository such as `shared/http`. */
function sourceOf(input: string): string {
  const parts = input.split('/');
  const modules = parts.lastIndexOf('node_modules');
  if (modules >= 0) {
    const name = parts[modules + 1] ?? input;
    return name.startsWith('@') ? `${name}/${parts[modules + 2]}` : name;
  }
  return parts.length > 2 ? parts.slice(0, 2).join('/') : (parts[0] ?? input);
}

function sourcesOf(metafile: Metafile): Bundle['sources'] {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) bytes.set(sourceOf(input), (bytes.get(sourceOf(input)) ?? 0) + bytesInOutput);
  }
  return [...bytes].map(([source, size]) => ({ source, bytes: size })).sort((a, b) => b.bytes - a.bytes);
}

/** Breadth-first over esbuild's import graph: the shortest chain of files from the entry to `source`. */
function chainFinder(metafile: Metafile) {
  const inputs = metafile.inputs;
  const entry = Object.keys(inputs).find((file) => !Object.values(inputs).some((info) => info.imports.some((imported) => imported.path === file)));
  return (source: string): string[] | undefined => {
    if (!entry) return undefined;
    const previous = new Map<string, string>();
    const queue = [entry];
    const seen = new Set(queue);
    while (queue.length) {
      const file = queue.shift()!;
      if (sourceOf(file) === source) {
        const chain = [file];
        for (let step = previous.get(file); step; step = previous.get(step)) chain.unshift(step);
        return chain;
      }
      for (const { path } of inputs[file]?.imports ?? []) {
        if (inputs[path] && !seen.has(path)) {
          seen.add(path);
          previous.set(path, file);
          queue.push(path);
        }
      }
    }
    return undefined;
  };
}

/** Bundles `entry` into `outfile` with exactly the options of infra/bundling.ts (plus a metafile, which changes no output byte). */
export async function bundle(entry: string, outfile: string): Promise<Bundle> {
  const result = await build({ ...esbuildOptions(entry, outfile), metafile: true, logLevel: 'silent' });
  return { entry, file: outfile, bytes: statSync(outfile).size, sources: sourcesOf(result.metafile), chainTo: chainFinder(result.metafile) };
}
