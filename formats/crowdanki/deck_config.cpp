#include <nlohmann/json.hpp>

#include "crowdanki/deck_config.hpp"

namespace deckport::crowdanki {

nlohmann::json default_deck_config(const std::string& uuid) {
    using Json = nlohmann::json;
    return {
        {"__type__", "DeckConfig"},
        {"answerAction", 0},
        {"autoplay", true},
        {"buryInterdayLearning", false},
        {"crowdanki_uuid", uuid},
        {"desiredRetention", 0.9},
        {"dyn", false},
        {"easyDaysPercentages", Json::array()},
        {"fsrsParams5", Json::array()},
        {"fsrsWeights", Json::array()},
        {"ignoreRevlogsBeforeDate", ""},
        {"interdayLearningMix", 0},
        {"lapse",
         {{"delays", {10.0}}, {"leechAction", 1}, {"leechFails", 8}, {"minInt", 1}, {"mult", 0.0}}},
        {"maxTaken", 60},
        {"name", "Default"},
        {"new",
         {{"bury", false},
          {"delays", {1.0, 10.0}},
          {"initialFactor", 2500},
          {"ints", {1, 4, 0}},
          {"order", 1},
          {"perDay", 20}}},
        {"newGatherPriority", 0},
        {"newMix", 0},
        {"newPerDayMinimum", 0},
        {"newSortOrder", 0},
        {"questionAction", 0},
        {"replayq", true},
        {"rev",
         {{"bury", false},
          {"ease4", 1.3},
          {"hardFactor", 1.2},
          {"ivlFct", 1.0},
          {"maxIvl", 36500},
          {"perDay", 200}}},
        {"reviewOrder", 0},
        {"secondsToShowAnswer", 0.0},
        {"secondsToShowQuestion", 0.0},
        {"sm2Retention", 0.9},
        {"stopTimerOnAnswer", false},
        {"timer", 0},
        {"waitForAudio", false},
        {"weightSearch", ""},
    };
}

}  // namespace deckport::crowdanki
