import * as vscode from 'vscode';
import type * as DetectEngine from '../../core/detect/engine-entry';
import { workspaceSetting } from '../settings';

const SETTING = 'detection.customPatterns';
export const CUSTOM_PATTERNS_SETTING = `secretManager.${SETTING}`;

/**
 * A folder's custom patterns: the `secretManager.detection.customPatterns` setting, then the
 * folder's .secretmanager.json (the setting wins on a shared id), each probed. Every mistake and
 * refused pattern goes to `report`; the others are used.
 */
export async function folderCustomPatterns(
  engine: typeof DetectEngine,
  folder: vscode.WorkspaceFolder | undefined,
  report: (problem: string) => void,
): Promise<DetectEngine.CustomPattern[]> {
  const fromSetting = engine.parseCustomPatternList(workspaceSetting<unknown>(SETTING, folder?.uri), CUSTOM_PATTERNS_SETTING);
  const fromFile = folder ? await readProjectConfig(engine, folder) : { customPatterns: [], problems: [] };
  for (const problem of [...fromSetting.problems, ...fromFile.problems]) report(problem);
  const { accepted, refused } = await engine.vetCustomPatterns(engine.mergeCustomPatterns(fromSetting.patterns, fromFile.customPatterns));
  for (const pattern of refused) report(engine.refusalMessage(pattern));
  return accepted;
}

async function readProjectConfig(engine: typeof DetectEngine, folder: vscode.WorkspaceFolder): Promise<ReturnType<typeof engine.parseProjectConfig>> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, engine.PROJECT_CONFIG_FILE_NAME));
  } catch {
    return { customPatterns: [], problems: [] };
  }
  return engine.parseProjectConfig(new TextDecoder().decode(bytes), `${folder.name}/${engine.PROJECT_CONFIG_FILE_NAME}`);
}
