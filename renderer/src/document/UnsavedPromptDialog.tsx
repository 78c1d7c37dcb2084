// The question before unsaved changes would be replaced (New, Open, an example): Save, Don't Save or Cancel.
import { Modal } from '../library-manager/Modal.js';
import type { UnsavedPrompt } from './useDocumentCommands.js';

export function UnsavedPromptDialog({ prompt }: { prompt: UnsavedPrompt }) {
  return (
    <Modal title="Save your changes?" onClose={prompt.cancel} className="unsaved-prompt">
      <p>
        “{prompt.title}” has changes that are not saved. Save them before {prompt.doing}?
      </p>
      <div className="dialog-actions">
        {/* Save first and focused, as in every desktop editor: Enter keeps the work. */}
        <button type="button" className="primary" onClick={prompt.save} data-autofocus>
          Save
        </button>
        <button type="button" onClick={prompt.dontSave}>
          Don’t Save
        </button>
        <button type="button" onClick={prompt.cancel}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
