#pragma once
// Helpers for text an importer must own: a TextArena of reusable strings whose views stay
// valid until reset() (a deque never moves its elements), and JSON string quoting for
// attribute values rendered as JSON. No thread affinity; one per import job.
#include <deque>
#include <string>
#include <string_view>

namespace tg::import {

class TextArena {
public:
    std::string& next() {
        if (m_used == m_items.size()) m_items.emplace_back();
        std::string& s = m_items[m_used++];
        s.clear();
        return s;
    }
    void reset() { m_used = 0; }

private:
    std::deque<std::string> m_items;
    size_t m_used = 0;
};

// Appends `text` as a quoted JSON string (escapes quotes, backslashes and control bytes).
void appendJsonString(std::string& out, std::string_view text);

} // namespace tg::import
