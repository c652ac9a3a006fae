// Workspace and deal page enhancements. Without JavaScript the same forms work as plain GET/POST.
(function () {
    'use strict';

    // Filters: drop empty fields so shared URLs stay short, and apply a drop-down as soon as it changes.
    document.querySelectorAll('form.workspace-filters').forEach(function (form) {
        form.addEventListener('submit', function () {
            form.querySelectorAll('input, select').forEach(function (field) {
                if (field.name && field.value === '') {
                    field.disabled = true;
                }
            });
        });
        form.querySelectorAll('select.js-autosubmit, input[type=checkbox].js-autosubmit').forEach(function (select) {
            select.addEventListener('change', function () {
                form.requestSubmit();
            });
        });
    });

    // Favourite star: POST with fetch (the form's own anti-forgery token) and update the button in place.
    function render(form, isFavourite) {
        var button = form.querySelector('button');
        var label = isFavourite ? 'Remove from favorites' : 'Add to favorites';
        form.querySelector('input[name="Favourite"]').value = isFavourite ? 'false' : 'true';
        button.setAttribute('aria-label', label);
        button.title = label;
        button.classList.toggle('is-favourite', isFavourite);
        button.querySelector('.star').textContent = isFavourite ? '★' : '☆';
        var text = button.querySelector('.favourite-text');
        if (text) {
            text.textContent = isFavourite ? 'Favorite' : 'Add to favorites';
        }
    }

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.classList.contains('favourite-form')) {
            return;
        }

        event.preventDefault();
        var button = form.querySelector('button');
        if (button.disabled) {
            return;
        }

        button.disabled = true;
        fetch(form.action, {
            method: 'POST',
            body: new FormData(form),
            headers: { 'Accept': 'application/json' },
            credentials: 'same-origin'
        }).then(function (response) {
            if (!response.ok) {
                throw new Error('HTTP ' + response.status);
            }
            return response.json();
        }).then(function (result) {
            render(form, result.favourite === true);
            button.disabled = false;
            button.focus();
        }).catch(function () {
            // Fall back to the plain form post, which shows the server's answer.
            button.disabled = false;
            form.submit();
        });
    });
})();
