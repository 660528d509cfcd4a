/*
 * Draws the partner page's charts from its own tables: the tables carry the figures (data-*
 * attributes in plain euros), so a screen reader, a printer and a browser without script get the
 * same numbers. Only an enhancement: if Chart.js did not load, nothing happens.
 */
(function () {
    'use strict';
    if (typeof window.Chart === 'undefined') {
        return;
    }
    var green = '#1f5f4a';
    var orange = '#b4541a';

    function rows(tableId) {
        var table = document.getElementById(tableId);
        return table ? Array.prototype.slice.call(table.querySelectorAll('tbody tr')) : [];
    }

    function label(row) {
        return row.querySelector('th').textContent.trim();
    }

    function numbers(list, attribute) {
        return list.map(function (row) { return Number(row.getAttribute(attribute)); });
    }

    function bars(canvasId, tableId) {
        var canvas = document.getElementById(canvasId);
        var list = rows(tableId);
        if (!canvas || list.length === 0) {
            return;
        }
        new window.Chart(canvas, {
            type: 'bar',
            data: {
                labels: list.map(label),
                datasets: [
                    { label: canvas.dataset.drawn, data: numbers(list, 'data-drawn'), backgroundColor: orange },
                    { label: canvas.dataset.returned, data: numbers(list, 'data-returned'), backgroundColor: green }
                ]
            },
            options: { responsive: true, maintainAspectRatio: false, animation: false }
        });
    }

    function line(canvasId, tableId) {
        var canvas = document.getElementById(canvasId);
        var list = rows(tableId);
        if (!canvas || list.length === 0) {
            return;
        }
        new window.Chart(canvas, {
            type: 'line',
            data: {
                labels: list.map(label),
                datasets: [{ label: canvas.dataset.label, data: numbers(list, 'data-running'), borderColor: green,
                             backgroundColor: green, tension: 0 }]
            },
            options: { responsive: true, maintainAspectRatio: false, animation: false }
        });
    }

    function draw() {
        bars('months-chart', 'months');
        line('running-chart', 'running');
        bars('initiatives-chart', 'initiatives');
        document.documentElement.setAttribute('data-charts', 'drawn');
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
}());
