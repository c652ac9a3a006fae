// The customer picker (issue 17): as the user types at least two characters of a company name, the directory's
// matches (at most 20, from /customers/search) replace the choices of the customer drop-down (inbound form) or
// are offered as suggestions of the name box (New deal wizard). Without JavaScript, each form's Search button
// asks the server for the same matches.
(() => {
    const minLength = 2;
    let pending;

    async function matches(input) {
        const country = document.getElementById(input.dataset.pickerCountry);
        const text = input.value.trim();
        if (text.length < minLength || !country || !country.value) {
            return null;
        }

        const url = new URL(input.dataset.customerPicker, window.location.origin);
        url.searchParams.set('country', country.value);
        url.searchParams.set('q', text);
        pending?.abort();
        pending = new AbortController();
        try {
            const response = await fetch(url, { headers: { Accept: 'application/json' }, signal: pending.signal });
            return response.ok ? await response.json() : null;
        } catch {
            return null;
        }
    }

    function fill(target, found) {
        if (target instanceof HTMLSelectElement) {
            const chosen = target.value;
            const keep = [...target.options].filter((o) => o.value === '' || o.value === chosen);
            target.replaceChildren(...keep);
            for (const c of found) {
                if (String(c.id) !== chosen) {
                    target.add(new Option(`${c.name} (${c.city}, ${c.country})`, String(c.id)));
                }
            }
        } else if (target instanceof HTMLDataListElement) {
            target.replaceChildren(...found.map((c) => new Option(c.name)));
        }
    }

    document.addEventListener('input', async (event) => {
        const input = event.target;
        if (!(input instanceof HTMLInputElement) || !input.dataset.customerPicker) {
            return;
        }

        const found = await matches(input);
        const target = document.getElementById(input.dataset.pickerTarget);
        if (found && target) {
            fill(target, found);
        }
    });
})();
