// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/ComponentBar.h"

#include <QProgressBar>

namespace rapport::ui {

QProgressBar* newComponentBar(const QString& format, QWidget* parent)
{
    auto* bar = new QProgressBar(parent);
    bar->setRange(0, 100);
    bar->setFormat(format);
    bar->setTextVisible(true);
    bar->setMaximumHeight(18);
    return bar;
}

} // namespace rapport::ui
