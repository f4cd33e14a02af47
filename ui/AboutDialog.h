// SPDX-License-Identifier: GPL-3.0-or-later
// Help > About Rapport: the version, what Rapport is, its license and where to find out more.
#pragma once

#include <QDialog>

namespace rapport::ui {

class AboutDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget* parent = nullptr);
    ~AboutDialog() override;
};

} // namespace rapport::ui
