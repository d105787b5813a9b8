import { useDocument } from '../../state/model-store.js';

/** Model: the tree of tables, indexes, entities and access patterns, and the form of the selected object. */
export function ModelScreen() {
  const { model, opened } = useDocument();
  if (!opened) return <p className="empty">Open a model or a template on the Start screen.</p>;
  return (
    <section className="screen" aria-label="Model">
      <header className="screen-header">
        <h1>{model.name}</h1>
      </header>
    </section>
  );
}
