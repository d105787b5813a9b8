import type { Contract } from '../../../../shared/api/contract.js';
import { estimateModel } from '../../../../shared/capacity/estimate.js';
import { MonotableError } from '../../../../shared/errors/monotable-error.js';
import { exportModel } from '../../../../shared/formats/export.js';
import { importModelText } from '../../../../shared/formats/import-model.js';
import { parseModel } from '../../../../shared/model/parse-model.js';
import { serializeModel } from '../../../../shared/model/serialize-model.js';
import { buildRequest } from '../../../../shared/patterns/build-request.js';
import { resolveAll, resolvePattern } from '../../../../shared/patterns/resolve.js';
import { indexItems } from '../../../../shared/preview/index-items.js';
import { previewPattern } from '../../../../shared/preview/preview-pattern.js';
import { validate } from '../../../../shared/rules/validate.js';
import { TEMPLATES, findTemplate, templateNames } from '../../../../shared/templates/index.js';
import type { Handlers } from '../handler.js';

type ModelArea = Pick<
  Contract,
  | 'model.parse'
  | 'model.import'
  | 'model.validate'
  | 'model.patterns'
  | 'model.request'
  | 'model.export'
  | 'model.preview'
  | 'model.estimate'
  | 'model.indexItems'
  | 'model.serialize'
  | 'templates.list'
  | 'templates.get'
>;

function templateInfo(t: { name: string; title: string; description: string }): {
  name: string;
  title: string;
  description: string;
} {
  return { name: t.name, title: t.title, description: t.description };
}

/** Thin: each handler calls the one shared function that does the work (the CLI calls the same ones). */
export const modelHandlers: Handlers<ModelArea> = {
  async 'model.parse'({ text, file }) {
    return { model: parseModel(text, file) };
  },
  async 'model.import'({ text, file }) {
    return importModelText(text, file);
  },
  async 'model.validate'({ model }) {
    return { diagnostics: validate(model) };
  },
  async 'model.patterns'({ model }) {
    return { patterns: resolveAll(model) };
  },
  async 'model.request'({ model, pattern, params }) {
    return { request: buildRequest(resolvePattern(model, pattern), params) };
  },
  async 'model.export'({ model, format, table }) {
    return exportModel(model, format, { table });
  },
  async 'model.preview'({ model, pattern, params }) {
    return { preview: previewPattern(model, pattern, params) };
  },
  async 'model.estimate'({ model, ...rates }) {
    return { estimate: estimateModel(model, rates) };
  },
  async 'model.indexItems'({ model, table, index }) {
    return { partitions: indexItems(model, table, index) };
  },
  async 'model.serialize'({ model }) {
    return { text: serializeModel(model) };
  },
  async 'templates.list'() {
    return { templates: TEMPLATES.map(templateInfo) };
  },
  async 'templates.get'({ name }) {
    const found = findTemplate(name);
    if (!found) {
      throw new MonotableError('NOT_FOUND', `There is no built-in template named "${name}".`, {
        path: '$.name',
        hint: `Choose one of: ${templateNames().join(', ')}.`,
      });
    }
    return { template: { ...templateInfo(found), model: found.model } };
  },
};
