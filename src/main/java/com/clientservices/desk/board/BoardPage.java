package com.clientservices.desk.board;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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
    String board(Model model) {
        model.addAttribute("board", board.now());
        model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        model.addAttribute("tasklist", TASKLIST_TASK);
        return "board/board";
    }
}
