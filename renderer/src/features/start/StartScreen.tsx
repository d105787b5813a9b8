import { TEMPLATES } from '../../../../shared/templates/index.js';
import { openTemplate } from './open-template.js';

/** Start: open a model file, import Workbench/CloudFormation, recent files, and the built-in templates. */
export function StartScreen() {
  return (
    <section className="screen" aria-labelledby="start-title">
      <div className="screen-body start">
        <header className="start-header">
          <h1 id="start-title">Start</h1>
          <p className="muted">
            Design a DynamoDB table around its access patterns: entities with key templates, indexes, and the queries
            that serve each pattern, checked as you type.
          </p>
        </header>
        <section aria-labelledby="templates-title" className="start-section">
          <h2 id="templates-title">Templates</h2>
          <div className="template-grid">
            {TEMPLATES.map((t) => (
              <button
                key={t.name}
                type="button"
                className="template-card"
                aria-label={t.title}
                aria-describedby={`template-${t.name}`}
                onClick={() => openTemplate(t.name)}
              >
                <span className="template-title">{t.title}</span>
                <span className="template-description" id={`template-${t.name}`}>
                  {t.description}
                </span>
              </button>
            ))}
          </div>
        </section>
      </div>
    </section>
  );
}
