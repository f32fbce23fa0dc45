#include "render/anki_text.hpp"
#include "side_text.hpp"

namespace deckport::preview_detail {
namespace {

// One `[sound:name]` or `[anki:tts options]text[/anki:tts]` at `at`, with its end.
struct AudioTag {
    bool sound = false;
    std::string_view name_or_options;
    std::string_view text;
    std::size_t end = 0;
};

struct AudioFinders {
    render_detail::ForwardFinder bracket, end_tag;
};

std::optional<AudioTag> audio_tag_at(std::string_view s, std::size_t at, AudioFinders& find) {
    if (s.compare(at, 7, "[sound:") == 0) {
        std::size_t close = find.bracket.find(at + 8);  // the name has at least one character
        if (close == std::string_view::npos) return std::nullopt;
        return AudioTag{true, s.substr(at + 7, close - at - 7), {}, close + 1};
    }
    if (s.compare(at, 9, "[anki:tts") == 0) {
        std::size_t close = find.bracket.find(at + 9);
        if (close == std::string_view::npos || close == at + 9) return std::nullopt;
        std::size_t end_tag = find.end_tag.find(close + 1);
        if (end_tag == std::string_view::npos) return std::nullopt;
        std::string_view options = render_detail::trim_unicode(s.substr(at + 9, close - at - 9));
        return AudioTag{false, options, s.substr(close + 1, end_tag - close - 1), end_tag + 11};
    }
    return std::nullopt;
}

template <class Replace>
std::string replace_audio_tags(std::string_view s, Replace&& replace) {
    std::string out;
    AudioFinders finders{{s, "]"}, {s, "[/anki:tts]"}};
    std::size_t i = 0, copied = 0;
    while ((i = s.find('[', i)) != std::string_view::npos) {
        std::optional<AudioTag> tag = audio_tag_at(s, i, finders);
        if (!tag) {
            ++i;
            continue;
        }
        out.append(s.substr(copied, i - copied));
        out += replace(*tag);
        i = copied = tag->end;
    }
    out.append(s.substr(copied));
    return out;
}

// Anki's replay button (qt/aqt/sound.py av_refs_to_play_icons), without its click handler.
std::string replay_button(std::string_view title) {
    return "<a class=\"replay-button soundLink dp-audio-missing\" href=\"#\" draggable=\"false\" "
           "title=\"" +
           render_detail::encode_minimal(title) +
           "\"><svg class=\"playImage\" viewBox=\"0 0 64 64\" version=\"1.1\"><circle cx=\"32\" "
           "cy=\"32\" r=\"29\" /><path d=\"M56.502,32.301l-37.502,20.101l0.329,-40.804l37.173,"
           "20.703Z\" /></svg></a>";
}

}  // namespace

std::string audio_tags_to_html(std::string_view html, MediaLinks& media) {
    return replace_audio_tags(html, [&](const AudioTag& tag) {
        if (!tag.sound) {
            std::string text = render_detail::strip_html(tag.text);
            return replay_button("text to speech (" + std::string(tag.name_or_options) +
                                 "): " + text);
        }
        std::string name = render_detail::strip_html(tag.name_or_options);
        if (auto url = media.url(name)) {
            return "<audio class=\"dp-audio\" controls preload=\"none\" title=\"" +
                   render_detail::encode_minimal(name) + "\" src=\"" + *url + "\"></audio>";
        }
        return replay_button(name + " (not in the deck)");
    });
}

std::string strip_audio_tags(std::string_view text) {
    return replace_audio_tags(text, [](const AudioTag&) { return std::string(); });
}

}  // namespace deckport::preview_detail
