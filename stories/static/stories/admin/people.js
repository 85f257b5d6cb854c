// The people box of a story: as an age is typed, "Nhóm tuổi" shows the group of that age.
// Progressive enhancement: the server derives the group from the age in any case
// (StoryPerson.clean); the rule comes from the server too (data-age-group-rules on the input,
// [[upper bound, group], …, [null, group]]), so there is one rule.
(function () {
    "use strict";

    function groupFor(age, rules) {
        for (const [upper, group] of rules) {
            if (upper === null || age < upper) return group;
        }
        return "";
    }

    document.addEventListener("input", function (event) {
        const input = event.target;
        if (!(input instanceof HTMLInputElement) || !input.dataset.ageGroupRules) return;
        const select = document.getElementById(input.id.replace(/-age$/, "-age_group"));
        if (!select || select === input) return;
        const age = input.value.trim() === "" ? NaN : Number(input.value);
        if (!Number.isInteger(age) || age < 0) return;
        const group = groupFor(age, JSON.parse(input.dataset.ageGroupRules));
        if (group && select.value !== group) {
            select.value = group;
            select.dispatchEvent(new Event("change", { bubbles: true }));
        }
    });
})();
