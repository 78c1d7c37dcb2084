// The layer rules (docs/ARCHITECTURE.md) fire: deliberate violations in each layer are lint errors; the allowed imports are not.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['shared/model/x.ts', "import fs from 'node:fs';\nexport const a = fs;", /no Node built-ins/],
    ['shared/model/x.ts', "import { app } from 'electron';\nexport const a = app;", /no electron/],
    ['shared/model/x.ts', "import React from 'react';\nexport const a = React;", /no React/],
    ['shared/model/x.ts', 'export const a = window.location;', /window/],
    ['renderer/src/x.ts', "import { ExportService } from '../../main/services/export-service.js';\nexport const a = ExportService;", /never main/],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;", /window.briefing/],
    ['main/services/x.ts', "import { dialog } from 'electron';\nexport const a = dialog;", /only main\/electron/],
    ['main/pdf/x.ts', "import { app } from 'electron';\nexport const a = app;", /only main\/electron/],
    ['main/services/x.ts', "import { EXIT } from '../cli/io.js';\nexport const a = EXIT;", /services may not import the CLI/],
    ['main/services/library/x.ts', "import { buildMenuTemplate } from '../../electron/menu.js';\nexport const a = buildMenuTemplate;", /may not import the Electron shell/],
    ['main/pdf/x.ts', "import { ExportService } from '../services/export-service.js';\nexport const a = ExportService;", /main\/pdf never imports services/],
    ['main/pdf/templates/x.ts', "import { createLogger } from '../../services/log.js';\nexport const a = createLogger;", /main\/pdf never imports services/],
    ['main/pdf/x.ts', "import { main } from '../cli/run.js';\nexport const a = main;", /PDF engine may not import the CLI/],
    ['main/docx/x.ts', "import { ExportService } from '../services/export-service.js';\nexport const a = ExportService;", /main\/docx never imports services/],
    ['main/docx/x.ts', "import { app } from 'electron';\nexport const a = app;", /only main\/electron/],
    ['main/cli/x.ts', "import { registerIpc } from '../electron/ipc.js';\nexport const a = registerIpc;", /CLI may not import the Electron shell/],
    ['main/electron/x.ts', "import { main } from '../cli/run.js';\nexport const a = main;", /shell may not import the CLI/],
    ['main/electron/x.ts', "import { App } from '../../renderer/src/App.js';\nexport const a = App;", /never imports the renderer/],
  ])('%s: %s is an error', async (file, code, message) => {
    const errors = await importErrors(file, code);
    expect(errors.length).toBe(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['main/preload.ts', "import { contextBridge } from 'electron';\nexport const a = contextBridge;"],
    ['main/services/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['main/services/x.ts', "import { renderPdf } from '../pdf/index.js';\nexport const a = renderPdf;"],
    ['main/cli/x.ts', "import { ExportService } from '../services/export-service.js';\nexport const a = ExportService;"],
    ['main/electron/x.ts', "import { createServices } from '../services/container.js';\nexport const a = createServices;"],
    ['main/pdf/x.ts', "import { compose } from '../../shared/compose/index.js';\nexport const a = compose;"],
    ['main/docx/x.ts', "import { Document } from 'docx';\nexport const a = Document;"],
    ['renderer/src/x.ts', "import { compose } from '../../shared/compose/index.js';\nexport const a = compose;"],
    ['shared/x.ts', "import { z } from 'zod';\nexport const a = z;"],
  ])('%s: allowed import passes', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
