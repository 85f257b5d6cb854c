/* Several communes through Wagtail's commune chooser modal (home.choosers.CommuneMultipleChooser).
 * "Thêm xã, phường" opens the modal in its "multiple" mode, narrowed to the province field the
 * widget is linked to; each chosen commune becomes a hidden input of the field's name. */
(function () {
  'use strict';

  function init(root) {
    if (root.dataset.communeChooserReady) return;
    root.dataset.communeChooserReady = '1';
    const options = JSON.parse(root.dataset.communeMultipleChooser);
    const list = root.querySelector('[data-chosen]');
    const empty = root.querySelector('[data-empty]');

    function refresh() {
      empty.hidden = list.children.length > 0;
    }

    function add(item) {
      const id = String(item.id);
      if ([...list.querySelectorAll('input')].some((input) => input.value === id)) return;
      const row = document.createElement('li');
      row.className = 'w-flex w-items-center w-gap-2 w-mb-2';
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = options.name;
      input.value = id;
      const label = document.createElement('span');
      label.textContent = item.title;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'button button-small button-secondary';
      remove.dataset.remove = '';
      remove.textContent = 'Bỏ';
      remove.setAttribute('aria-label', 'Bỏ ' + item.title);
      row.append(input, label, remove);
      list.append(row);
    }

    list.addEventListener('click', (event) => {
      const button = event.target.closest('[data-remove]');
      if (button) {
        button.closest('li').remove();
        refresh();
      }
    });

    root.querySelector('[data-add]').addEventListener('click', () => {
      const urlParams = { multiple: 1 };
      Object.entries(options.linkedFields || {}).forEach(([param, selector]) => {
        const field = document.querySelector(selector);
        if (field && field.value) urlParams[param] = field.value;
      });
      window.ModalWorkflow({
        url: options.modalUrl,
        urlParams,
        onload: window.CHOOSER_MODAL_ONLOAD_HANDLERS,
        responses: {
          chosen: (result) => {
            (Array.isArray(result) ? result : [result]).forEach(add);
            refresh();
          },
        },
      });
    });
  }

  function initAll() {
    document.querySelectorAll('[data-commune-multiple-chooser]').forEach(init);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', initAll);
  } else {
    initAll();
  }
})();
