import { cruddurMessaging } from '../../../../shared/templates/cruddur-messaging.js';
import { registerCommands } from '../../state/commands.js';
import { TryLocalButton } from '../operations/TryLocalButton.js';
import { getDocument, openModel, useDocument } from '../../state/model-store.js';
import { GLOSSARY, type GlossaryKey } from './glossary.js';
import { HelpTip } from './HelpTip.js';
import { CRUDDUR_MODEL, startTour } from './tour-state.js';
import './learn.css';

/** Opens the Cruddur template (unless it is the open model) and starts the tour on it. */
export function startCruddurTour(currentModelName: string): void {
  if (currentModelName !== CRUDDUR_MODEL) openModel(cruddurMessaging, undefined, { saved: false });
  startTour();
}

// Registered once for the whole session: the palette restarts the tour from any screen.
registerCommands([
  {
    id: 'learn.tour',
    title: 'Start the Cruddur tour',
    group: 'Learn',
    run: () => startCruddurTour(getDocument().model.name),
  },
]);

const ORDER: GlossaryKey[] = ['singleTable', 'pk', 'sk', 'gsi', 'lsi', 'projection', 'sparse', 'capacity'];

/** Single-table design explained on the Cruddur model, the glossary, and the tour. */
export function LearnScreen() {
  const doc = useDocument();
  const table = cruddurMessaging.tables[0]!;
  return (
    <section className="screen" aria-labelledby="learn-title">
      <header className="screen-header">
        <h1 id="learn-title">Learn</h1>
        <span className="muted">Single-table design on a real example</span>
        <span className="spacer" />
        {doc.model.tables.length > 0 && <TryLocalButton />}
        <button type="button" className="button" onClick={() => startCruddurTour(doc.model.name)}>
          Start the Cruddur tour
        </button>
      </header>
      <div className="screen-body">
        <article className="learn">
          <h2>Design from the questions, not from the entities</h2>
          <p>
            A relational schema starts from the entities and lets the query planner find the rows. DynamoDB has no
            planner: a read names one partition key value (and a range of sort keys), or it reads the whole table with a
            Scan. So a DynamoDB design starts from the <em>access patterns</em>, the questions the application asks, and
            builds each entity's keys so that every question is one Query or GetItem.
          </p>
          <p>
            Cruddur, the messaging app of the free AWS Cloud Project Bootcamp, asks: "which conversations does this user
            have, newest first?", "what are the latest 20 messages of this conversation?", and "which rows belong to
            this conversation?". Its table answers all three:
          </p>
          <table className="learn-keys">
            <caption className="visually-hidden">Cruddur key templates</caption>
            <thead>
              <tr>
                <th scope="col">Entity</th>
                <th scope="col">
                  pk <HelpTip term="pk" />
                </th>
                <th scope="col">
                  sk <HelpTip term="sk" />
                </th>
                <th scope="col">
                  message_group_uuid (GSI) <HelpTip term="gsi" />
                </th>
              </tr>
            </thead>
            <tbody>
              {table.entities.map((entity) => (
                <tr key={entity.name}>
                  <th scope="row">{entity.name}</th>
                  <td className="mono">{entity.keys['pk']}</td>
                  <td className="mono">{entity.keys['sk']}</td>
                  <td className="mono">{entity.keys['message_group_uuid'] ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <strong>list-message-groups</strong> is a Query on <code>pk = GRP#{'{user_uuid}'}</code>, newest first: the
            sort key is the time of the last message. <strong>list-messages</strong> is a Query on{' '}
            <code>pk = MSG#{'{message_group_uuid}'}</code>, descending, limit 20. <strong>find-group-rows</strong> needs
            every row of a conversation whatever its partition: that is the GSI keyed on <code>message_group_uuid</code>
            , which both entities write (each write of an item in the GSI costs a GSI write too).
          </p>
          <p>
            Open the Cruddur template, then change the Message sort key template in Model and watch the Patterns preview
            and the Problems follow as you type: the model is the only source of the keys, so every view, export and
            code sample changes with it.
          </p>
          <h2>The words, briefly</h2>
          <dl>
            {ORDER.map((key) => (
              <div key={key} style={{ display: 'contents' }}>
                <dt>{GLOSSARY[key].term}</dt>
                <dd>{GLOSSARY[key].text}</dd>
              </div>
            ))}
          </dl>
          <h2>Where to look</h2>
          <p>
            <strong>Diagram</strong> shows each table with its entities, their key templates and the indexes.{' '}
            <strong>Items</strong> shows the sample items as DynamoDB stores them, per table and per index.{' '}
            <strong>Patterns</strong> shows what each access pattern becomes: the operation, the request, the preview,
            the capacity and the code. <strong>Export</strong> writes CreateTable JSON, CloudFormation, Workbench files
            and code.
          </p>
        </article>
      </div>
    </section>
  );
}
