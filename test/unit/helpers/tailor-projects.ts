import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The Tailor project fixtures (test/fixtures/tailor-projects/README.md). */
export const TAILOR_PROJECTS = path.resolve(__dirname, '../../fixtures/tailor-projects');

export type TailorProject = 'multi-application' | 'nested-project' | 'http-adapter';

export interface PlantedReference {
  readonly file: string;
  readonly line: number;
  readonly vault: string;
  readonly key: string;
}

export function tailorProject(project: TailorProject): string {
  return path.join(TAILOR_PROJECTS, project);
}

/** The references planted in a fixture project, from its planted.json. */
export function plantedReferences(project: TailorProject): PlantedReference[] {
  return JSON.parse(readFileSync(path.join(tailorProject(project), 'planted.json'), 'utf8')) as PlantedReference[];
}

/** A temporary copy of a fixture project, for tests that write into it; the caller removes it. */
export function copyTailorProject(project: TailorProject): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), `${project}-`));
  cpSync(tailorProject(project), copy, { recursive: true });
  return copy;
}
