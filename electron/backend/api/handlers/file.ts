import type { Contract } from '../../../../shared/api/contract.js';
import { appInfo } from '../../files/app-info.js';
import { defaultFileScope } from '../../files/file-scope.js';
import { clearJournal, readJournal, writeJournal } from '../../files/journal.js';
import { listFolder } from '../../files/list-folder.js';
import { openModelFile, saveModelFile } from '../../files/model-file.js';
import { listRecent } from '../../files/recent.js';
import { deleteFile, readTextFile, writeTextFile } from '../../files/text-file.js';
import type { Handlers } from '../handler.js';

type FileArea = Pick<
  Contract,
  | 'model.open'
  | 'model.save'
  | 'journal.write'
  | 'journal.read'
  | 'journal.clear'
  | 'file.list'
  | 'file.recent'
  | 'file.writeText'
  | 'file.readText'
  | 'file.delete'
  | 'app.info'
>;

/** Thin: the scope comes from the transport (the server confines it to its root); the rules live in backend/files. */
export const fileHandlers: Handlers<FileArea> = {
  async 'model.open'({ path, remember }, ctx) {
    return openModelFile(ctx.files ?? defaultFileScope(), path, { remember });
  },
  async 'model.save'(input, ctx) {
    return saveModelFile(ctx.files ?? defaultFileScope(), input);
  },
  async 'journal.write'({ path, model }, ctx) {
    return writeJournal(ctx.files ?? defaultFileScope(), path, model);
  },
  async 'journal.read'({ path }, ctx) {
    return { journal: await readJournal(ctx.files ?? defaultFileScope(), path) };
  },
  async 'journal.clear'({ path }, ctx) {
    return clearJournal(ctx.files ?? defaultFileScope(), path);
  },
  async 'file.list'({ dir }, ctx) {
    return listFolder(ctx.files ?? defaultFileScope(), dir);
  },
  async 'file.recent'(_input, ctx) {
    return { paths: await listRecent(ctx.files ?? defaultFileScope()) };
  },
  async 'file.writeText'(input, ctx) {
    return writeTextFile(ctx.files ?? defaultFileScope(), input);
  },
  async 'file.readText'({ path }, ctx) {
    return readTextFile(ctx.files ?? defaultFileScope(), path);
  },
  async 'file.delete'({ path }, ctx) {
    return deleteFile(ctx.files ?? defaultFileScope(), path);
  },
  async 'app.info'(_input, ctx) {
    return appInfo(ctx.files ?? defaultFileScope());
  },
};
