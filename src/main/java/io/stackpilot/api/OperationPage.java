package io.stackpilot.api;

import io.stackpilot.control.operations.OperationService;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the operation history, newest first. */
@Schema(name = "OperationPage")
public record OperationPage(
        @Schema(description = "The operations on this page, newest first")
        List<OperationView> items,

        @Schema(description = "Page number, from 0", example = "0")
        int page,

        @Schema(description = "Requested page size", example = "20")
        int size,

        @Schema(description = "Operations kept in the history", example = "42")
        int totalItems,

        @Schema(description = "Pages at this size", example = "3")
        int totalPages) {

    static OperationPage of(OperationService.Page page) {
        int pages = (page.totalItems() + page.size() - 1) / page.size();
        return new OperationPage(
                page.items().stream().map(OperationView::of).toList(),
                page.page(),
                page.size(),
                page.totalItems(),
                pages);
    }
}
