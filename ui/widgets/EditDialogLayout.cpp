// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/EditDialogLayout.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace rapport::ui {

void layOutEditDialog(QDialog& dialog, QFormLayout* form, QLabel* error)
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    QPushButton* save = buttons->button(QDialogButtonBox::Save);
    save->setDefault(true);
    save->setToolTip(QDialog::tr("Save (Ctrl+Enter)"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    for (const QKeySequence& keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* shortcut = new QShortcut(keys, &dialog);
        QObject::connect(shortcut, &QShortcut::activated, save, &QPushButton::click);
    }
    auto* layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(error);
    layout->addWidget(buttons);
}

} // namespace rapport::ui
