import type { Contract } from '../../../../shared/api/contract.js';
import { MonotableError } from '../../../../shared/errors/monotable-error.js';
import { parseModel } from '../../../../shared/model/parse-model.js';
import { TEMPLATES, findTemplate, templateNames } from '../../../../shared/templates/index.js';
import type { Handlers } from '../handler.js';

type ModelArea = Pick<Contract, 'model.parse' | 'templates.list' | 'templates.get'>;

function templateInfo(t: { name: string; title: string; description: string }): { name: string; title: string; description: string } {
  return { name: t.name, title: t.title, description: t.description };
}

export const modelHandlers: Handlers<ModelArea> = {
  async 'model.parse'({ text, file }) {
    return { model: parseModel(text, file) };
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
