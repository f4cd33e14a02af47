// SPDX-License-Identifier: GPL-3.0-or-later
// The bar that shows one score component (recency, frequency, reciprocity, trust) from 0 to 100, as the
// contact page and the settings preview draw it.
#pragma once

#include <QString>

class QProgressBar;
class QWidget;

namespace rapport::ui {

// `format` names the component around the value, e.g. "Recency %v".
QProgressBar* newComponentBar(const QString& format, QWidget* parent);

} // namespace rapport::ui
