// New deal wizard, step 4: asking the vendor for help implies sharing, so ticking a kind of help selects "Yes, share it".
document.addEventListener('change', (event) => {
    const box = event.target;
    if (box instanceof HTMLInputElement && box.dataset.impliesSharing === 'true' && box.checked) {
        const yes = document.getElementById('share-yes');
        if (yes instanceof HTMLInputElement) {
            yes.checked = true;
        }
    }
});
