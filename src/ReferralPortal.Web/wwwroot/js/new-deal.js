// New deal wizard, step 4: asking the vendor for help implies sharing. Ticking a kind of help selects
// "Yes, share it"; choosing "No, keep it private" while help is ticked says at once, next to the choice, what
// the server would say after submit.
document.addEventListener('change', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement)) {
        return;
    }

    const yes = document.getElementById('share-yes');
    if (input.dataset.impliesSharing === 'true' && input.checked && yes instanceof HTMLInputElement) {
        yes.checked = true;
    }

    const share = document.getElementById('Input_Share');
    const message = share?.querySelector('[data-valmsg-for="Input.Share"]');
    if (!(share instanceof HTMLFieldSetElement) || !(message instanceof HTMLElement)) {
        return;
    }

    const no = document.getElementById('share-no');
    const helpAsked = document.querySelectorAll('input[data-implies-sharing="true"]:checked').length > 0;
    const refused = helpAsked && no instanceof HTMLInputElement && no.checked;
    message.textContent = refused ? share.dataset.helpNeedsSharing ?? '' : '';
    message.classList.toggle('field-validation-error', refused);
});
