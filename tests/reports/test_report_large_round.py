"""A round the size of the 2019 one (25 ISCMs, dozens of partners) renders whole."""

from __future__ import annotations

from reports.charts import Chart
from reports.phrases import Phrases


def test_a_chart_with_many_rows_reads_all_its_numbers_in_its_text_alternative():
    rows = tuple(
        (f"ISCM {number}", "Rabat Process, Khartoum Process, IOM, UNHCR") for number in range(80)
    )
    chart = Chart("partnerships", "Partnerships", "The network.", "", ("ISCM", "Partners"), rows)

    text = chart.text_alternative(Phrases("en"))

    assert len(text) > 2500
    assert text.startswith("The network. ISCM 0")
    assert "ISCM 79" in text and text.endswith(".")
