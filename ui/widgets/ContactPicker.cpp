// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/ContactPicker.h"

#include "ui/session/DatabaseSession.h"
#include "ui/widgets/ContactSuggestionModel.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QTimer>

namespace rapport::ui {

namespace {

constexpr int suggestionCount = 12;
// A fast typist does not wait for a search per letter; a pause this short still feels immediate.
constexpr int searchPauseMs = 120;

} // namespace

ContactPicker::ContactPicker(DatabaseSession& session, QWidget* parent)
    : QLineEdit(parent)
    , m_session(session)
    , m_completer(new QCompleter(this))
    , m_suggestions(new ContactSuggestionModel(session, this))
    , m_searchDelay(new QTimer(this))
{
    setPlaceholderText(tr("Name, email or handle"));
    setClearButtonEnabled(true);
    m_completer->setModel(m_suggestions);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    // Search already filtered the list; the completer must show it as is.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(suggestionCount);
    setCompleter(m_completer);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(searchPauseMs);
    connect(this, &QLineEdit::textEdited, this, [this] {
        m_contactId = 0;
        m_searchDelay->start();
    });
    connect(m_searchDelay, &QTimer::timeout, this, &ContactPicker::searchNow);
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this, &ContactPicker::choose);
}

ContactPicker::~ContactPicker() = default;

void ContactPicker::setContact(qint64 contactId)
{
    const Result<QString> text = m_suggestions->describe(contactId);
    if (!text)
        return;
    m_searchDelay->stop();
    setText(*text);
    m_contactId = contactId;
    emit contactChosen(contactId);
}

void ContactPicker::searchNow()
{
    m_searchDelay->stop();
    if (Status searched = m_suggestions->search(text(), suggestionCount); !searched) {
        emit m_session.errorOccurred(searched.error().message);
        return;
    }
    if (m_suggestions->rowCount() > 0)
        m_completer->complete();
    else
        m_completer->popup()->hide();
}

void ContactPicker::choose(const QModelIndex& suggestion)
{
    const qint64 id = suggestion.data(ContactSuggestionModel::ContactIdRole).toLongLong();
    if (id <= 0)
        return;
    m_contactId = id;
    emit contactChosen(m_contactId);
}

} // namespace rapport::ui
