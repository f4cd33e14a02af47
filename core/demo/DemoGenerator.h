// SPDX-License-Identifier: GPL-3.0-or-later
// Fills an empty database with a realistic, reproducible community: contacts from many cultures with
// emails and handles, a team, tags, conversations in bursts over months, relationships that thrive,
// cool down or were dropped, one-sided ones, trust notes, follow-ups, introductions and events. The same
// seed and end date give the same data.
#pragma once

#include "core/base/Progress.h"
#include "core/storage/Database.h"

namespace rapport {

struct DemoOptions
{
    qint64 contacts = 2000;
    qint64 interactions = 60000;
    qint64 trustNotes = -1; // -1: one per contact
    quint64 seed = 1;
    qint64 endSeconds = 0; // the newest possible interaction; 0: now
};

struct DemoSummary
{
    qint64 contacts = 0;
    qint64 interactions = 0;
    qint64 trustNotes = 0;
    qint64 teamMembers = 0;
    qint64 followUps = 0;
    qint64 events = 0;
};

class DemoGenerator
{
public:
    DemoGenerator(Database& db, DemoOptions options)
        : m_db(db)
        , m_options(options)
    {}

    // Writes everything in one transaction; refuses a database that already holds contacts.
    Result<DemoSummary> generate(const ProgressCallback& progress = {});

private:
    Database& m_db;
    DemoOptions m_options;
};

} // namespace rapport
