// Draws the Insights charts (Chart.js, vendored) from the JSON in the page's data-charts attribute (the
// same JSON /insights/data serves). Every word shown comes from that JSON or from the page; this file only chooses shapes and colours. The tables beside each
// chart carry the same figures, so the page stays complete without JavaScript.
(function () {
    'use strict';

    var root = document.getElementById('insights');
    if (!root || typeof window.Chart === 'undefined') {
        return;
    }

    var locale = document.documentElement.lang || undefined;
    var named = { won: '#198754', lost: '#dc3545', EUR: '#0d6efd', USD: '#20c997', GBP: '#6f42c1', value: '#0d6efd' };
    var palette = ['#0d6efd', '#20c997', '#6f42c1', '#fd7e14', '#d63384', '#6c757d'];
    var typeColours = ['#0d6efd', '#adb5bd'];

    function colourFor(series, index) {
        return named[series.key] || palette[index % palette.length];
    }

    function money(currency, compact) {
        return new Intl.NumberFormat(locale, {
            style: 'currency',
            currency: currency,
            notation: compact ? 'compact' : 'standard',
            maximumFractionDigits: compact ? 1 : 2
        });
    }

    var count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });

    // The value axis is money only when every series is in one currency.
    function axisFormat(data) {
        var currencies = data.series.map(function (s) { return s.currency; });
        var single = currencies.length > 0 && currencies.every(function (c) { return c && c === currencies[0]; });
        if (single) {
            var f = money(currencies[0], true);
            return function (v) { return f.format(v); };
        }

        if (currencies.every(function (c) { return !c; })) {
            return function (v) { return count.format(v); };
        }

        var compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
        return function (v) { return compact.format(v); };
    }

    function tooltipLabel(ctx) {
        var series = ctx.dataset.series;
        var value = ctx.parsed && typeof ctx.parsed === 'object' ? (ctx.chart.options.indexAxis === 'y' ? ctx.parsed.x : ctx.parsed.y) : ctx.parsed;
        var text = series.currency ? money(series.currency, false).format(value) : count.format(value);
        return (ctx.chart.config.type === 'doughnut' ? ctx.label : series.label) + ': ' + text;
    }

    function draw(canvas, data) {
        var kind = canvas.getAttribute('data-kind') || 'bar';
        var horizontal = canvas.getAttribute('data-horizontal') === 'true';
        var doughnut = kind === 'doughnut';
        var datasets = data.series.map(function (s, i) {
            return {
                label: s.label,
                data: s.data,
                series: s,
                backgroundColor: doughnut ? typeColours : colourFor(s, i),
                borderColor: doughnut ? '#ffffff' : colourFor(s, i),
                borderWidth: doughnut ? 2 : 0,
                maxBarThickness: 36
            };
        });
        var format = axisFormat(data);
        var valueAxis = { beginAtZero: true, ticks: { callback: format } };
        var options = {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            indexAxis: horizontal ? 'y' : 'x',
            plugins: {
                legend: { display: doughnut || data.series.length > 1, position: 'bottom' },
                tooltip: { callbacks: { label: tooltipLabel } }
            }
        };
        if (!doughnut) {
            options.scales = horizontal
                ? { x: valueAxis, y: { ticks: { autoSkip: false } } }
                : { y: valueAxis, x: { ticks: { autoSkip: false, maxRotation: 45 } } };
        }

        // Chart.js only sets canvas size through the CSSOM, which the strict CSP allows.
        new window.Chart(canvas, { type: kind, data: { labels: data.labels, datasets: datasets }, options: options });
        canvas.setAttribute('data-chart-ready', 'true');
    }

    try {
        var payload = JSON.parse(root.getAttribute('data-charts'));
        root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
            var data = payload.charts[canvas.getAttribute('data-chart')];
            if (data && data.series.length > 0) {
                draw(canvas, data);
            }
        });
    } catch (error) {
        // The tables still show every figure; only the drawings are missing.
        root.setAttribute('data-chart-error', 'true');
        window.console.warn(error);
    }
}());
