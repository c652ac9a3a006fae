// Progressive enhancements only: every page works without JavaScript.

// The error summary (Infrastructure/ErrorSummaryTagHelper.cs): focused when the page arrives with errors, so a
// screen reader reads them first; filled and focused the same way when client-side validation stops a submit;
// and its links put the focus in the field they name (an anchor alone only scrolls).
(() => {
    const fieldIn = (target) => target.matches('input, select, textarea')
        ? target
        : target.querySelector('input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])');

    document.addEventListener('click', (event) => {
        const link = event.target instanceof Element ? event.target.closest('[data-error-summary] a[href^="#"]') : null;
        const target = link ? document.getElementById(decodeURIComponent(link.hash.slice(1))) : null;
        const field = target ? fieldIn(target) : null;
        if (!field) {
            return;
        }

        event.preventDefault();
        // Bring the question into view (the label or the group's legend, above the field), then focus the field.
        const caption = target.matches('fieldset') ? target.querySelector('legend') : field.labels?.[0];
        (caption ?? field).scrollIntoView({ block: 'start' });
        field.focus({ preventScroll: true });
    });

    const show = (summary, errors) => {
        const list = summary.querySelector('ul');
        list.replaceChildren(...errors.map(({ message, element }) => {
            const item = document.createElement('li');
            if (element?.id) {
                const link = document.createElement('a');
                link.className = 'alert-link';
                link.href = '#' + element.id;
                link.textContent = message;
                item.append(link);
            } else {
                item.textContent = message;
            }
            return item;
        }));
        summary.hidden = false;
        summary.focus();
    };

    document.addEventListener('DOMContentLoaded', () => {
        const shown = document.querySelector('[data-error-summary]:not([hidden])');
        if (shown) {
            shown.focus();
        }

        // jQuery validation (loaded by _ValidationScriptsPartial after this file) raises invalid-form on the form
        // when it blocks a submit; the form's own summary, or the page's, then lists the same messages.
        const $ = window.jQuery;
        if (!$ || !$.validator) {
            return;
        }
        document.querySelectorAll('form').forEach((form) => {
            const summary = form.querySelector('[data-error-summary]') ?? document.querySelector('main [data-error-summary]');
            if (!summary) {
                return;
            }
            $(form).on('invalid-form.validate', (_, validator) => {
                // The summary takes the focus, not the first invalid field.
                validator.settings.focusInvalid = false;
                show(summary, validator.errorList);
            });
        });
    });
})();

// Moments (Infrastructure/LocalTimeTagHelper.cs) arrive in UTC, said so; shown here in the browser's own time zone,
// named ("29 Nov 2026, 09:44 CET"), in the page's language; the UTC text stays as the tooltip.
(() => {
    const language = document.documentElement.lang || undefined;
    const format = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
    for (const time of document.querySelectorAll('time[data-local-time]')) {
        const moment = new Date(time.dateTime);
        if (!Number.isNaN(moment.getTime())) {
            time.textContent = format.format(moment);
        }
    }
})();
