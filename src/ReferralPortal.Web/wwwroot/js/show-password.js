// "Show password" toggles: a button with data-show-password="<input id>" switches that input between hidden and
// shown text and says which state it is in (aria-pressed). No inline script, so the CSP stays script-src 'self'.
(function () {
    document.querySelectorAll('[data-show-password]').forEach(function (button) {
        var input = document.getElementById(button.getAttribute('data-show-password'));
        if (!input) { return; }
        button.hidden = false;
        button.addEventListener('click', function () {
            var show = input.type === 'password';
            input.type = show ? 'text' : 'password';
            button.setAttribute('aria-pressed', show ? 'true' : 'false');
        });
    });
})();
