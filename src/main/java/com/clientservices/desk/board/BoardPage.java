package com.clientservices.desk.board;

import com.clientservices.desk.identity.DeskGroups;
import com.clientservices.desk.refusal.Invalid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /board} (docs/specification.md §14): managers and administrators watch it, auditors read it; nobody
 * changes anything on it. It reloads itself every minute, without script, so a wall screen stays current.
 */
@Controller
class BoardPage {

    static final int REFRESH_SECONDS = 60;

    // Tasklist opens a task from its address; the desk serves Tasklist under its default engine.
    private static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

    private final SlaBoard board;

    BoardPage(SlaBoard board) {
        this.board = board;
    }

    @GetMapping("/board")
    String board(@RequestParam(required = false) String team, Model model) {
        var only = team == null || team.isBlank() ? null : team;
        if (only != null && DeskGroups.teamName(only).isEmpty()) {
            throw new Invalid("team", "is not one of the desk's teams: " + team);
        }
        model.addAttribute("board", board.now(only));
        model.addAttribute("team", only);
        model.addAttribute("teams", DeskGroups.TEAMS);
        model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        model.addAttribute("tasklist", TASKLIST_TASK);
        return "board/board";
    }
}
