"""Style adjustments. Fusion nudges the labels of unselected tabs down 2 px and clips them, which cuts
the dots and ring off Ä, Å and Ö ("Ärende" showed as "Arende"); without the nudge they are whole."""

from PySide6.QtWidgets import QProxyStyle, QStyle


class SwedishLettersStyle(QProxyStyle):
    def pixelMetric(self, *args):  # (metric, option, widget) passed on untouched: PySide6 mis-counts
        if args and args[0] == QStyle.PM_TabBarTabShiftVertical:  # None given explicitly as a default
            return 0
        return super().pixelMetric(*args)
