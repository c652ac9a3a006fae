// New inbound referral: the suggested solution must be one of the chosen partner's, so choosing a partner hides
// the other partners' solutions (and clears a suggestion that no longer fits). Without JavaScript the form's
// "Show its solutions" button asks the server for the same narrowed list.
document.addEventListener('change', (event) => {
    const partner = event.target;
    if (!(partner instanceof HTMLSelectElement) || !partner.dataset.narrows) {
        return;
    }

    const solutions = document.getElementById(partner.dataset.narrows);
    if (!(solutions instanceof HTMLSelectElement)) {
        return;
    }

    for (const group of solutions.querySelectorAll('optgroup[data-partner]')) {
        const other = partner.value !== '' && group.dataset.partner !== partner.value;
        group.hidden = other;
        group.disabled = other;
    }

    const chosen = solutions.selectedOptions[0];
    if (chosen && chosen.parentElement instanceof HTMLOptGroupElement && chosen.parentElement.disabled) {
        solutions.value = '';
    }
});
