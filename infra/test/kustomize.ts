import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** A Kubernetes object as parsed from YAML. */
export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: any;
  data?: Record<string, string>;
};

/** The kustomization fields this renderer implements; anything else fails the render instead of being ignored. */
const SUPPORTED_FIELDS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'labels']);

function loadYamlFile(file: string): K8sObject[] {
  const documents = parseAllDocuments(fs.readFileSync(file, 'utf8'));
  const objects: K8sObject[] = [];
  for (const document of documents) {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]!.message}`);
    const value = document.toJS() as K8sObject | null;
    if (value) objects.push(value);
  }
  return objects;
}

function podSpecsOf(object: K8sObject): { containers?: { image: string }[]; initContainers?: { image: string }[] }[] {
  if (object.kind === 'Deployment' || object.kind === 'Job') return [object.spec?.template?.spec].filter(Boolean);
  return [];
}

/**
 * Renders a kustomize directory offline, as `kubectl kustomize` would for the subset of features the
 * project's manifests use (resources, namespace, images, labels). Unknown fields throw.
 */
export function renderKustomization(dir: string): K8sObject[] {
  const file = path.join(dir, 'kustomization.yaml');
  const [kustomization] = loadYamlFile(file) as unknown as Record<string, unknown>[];
  if (!kustomization) throw new Error(`${file} is empty`);
  for (const key of Object.keys(kustomization)) {
    if (!SUPPORTED_FIELDS.has(key)) throw new Error(`${file}: kustomization field "${key}" is not supported by the offline renderer`);
  }
  const objects: K8sObject[] = [];
  for (const resource of (kustomization.resources as string[]) ?? []) {
    const target = path.resolve(dir, resource);
    if (fs.statSync(target).isDirectory()) objects.push(...renderKustomization(target));
    else objects.push(...loadYamlFile(target));
  }
  for (const entry of (kustomization.labels as { pairs: Record<string, string>; includeSelectors?: boolean }[]) ?? []) {
    if (entry.includeSelectors) throw new Error(`${file}: labels with includeSelectors are not supported`);
    for (const object of objects) object.metadata.labels = { ...object.metadata.labels, ...entry.pairs };
  }
  const namespace = kustomization.namespace as string | undefined;
  if (namespace) for (const object of objects) object.metadata.namespace = namespace;
  for (const image of (kustomization.images as { name: string; newName?: string; newTag?: string }[]) ?? []) {
    for (const object of objects) {
      for (const spec of podSpecsOf(object)) {
        for (const container of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
          const [name] = container.image.split(':');
          if (name === image.name) container.image = `${image.newName ?? name}:${image.newTag ?? container.image.split(':')[1]}`;
        }
      }
    }
  }
  return objects;
}

export interface DockerStage {
  from: string;
  name: string | null;
  instructions: { keyword: string; args: string }[];
}

/** Parses a Dockerfile into stages (continuation lines joined, comments dropped). */
export function parseDockerfile(text: string): { args: Record<string, string>; stages: DockerStage[] } {
  const lines: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && current === '')) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    current += line;
    if (current.trim()) lines.push(current.trim());
    current = '';
  }
  const args: Record<string, string> = {};
  const stages: DockerStage[] = [];
  for (const line of lines) {
    const match = /^([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!match) throw new Error(`unparsable Dockerfile line: ${line}`);
    const keyword = match[1]!.toUpperCase();
    const rest = match[2]!;
    if (keyword === 'FROM') {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest);
      if (!from) throw new Error(`bad FROM: ${line}`);
      stages.push({ from: from[1]!, name: from[2] ?? null, instructions: [] });
      continue;
    }
    if (stages.length === 0) {
      if (keyword !== 'ARG') throw new Error(`${keyword} before the first FROM`);
      const [name, value] = rest.split('=');
      args[name!] = value ?? '';
      continue;
    }
    stages.at(-1)!.instructions.push({ keyword, args: rest });
  }
  return { args, stages };
}
