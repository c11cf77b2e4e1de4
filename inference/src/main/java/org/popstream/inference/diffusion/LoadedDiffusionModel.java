package org.popstream.inference.diffusion;

import java.nio.file.Path;
import java.util.List;

/**
 * A diffusion model found in a model file, with where it was found so the user can be told.
 *
 * @param file        the file read
 * @param rootClass   Python class of the pickled root object
 * @param objectPath  attribute path from the root to the model ({@code ""} when the root is the model),
 *                    e.g. {@code model} inside a pop-cosmos {@code NoiseModel}
 * @param modelClass  Python class of the model ({@code PopulationModelDiffusion[Conditional]})
 * @param otherModels paths of further diffusion models in the same file that were not chosen
 */
public record LoadedDiffusionModel(
        DiffusionModel model, Path file, String rootClass, String objectPath, String modelClass,
        List<String> otherModels) {

    public LoadedDiffusionModel {
        otherModels = List.copyOf(otherModels);
    }

    /** Plain-language account of what was loaded. */
    public String report() {
        String where = objectPath.isEmpty() ? "as the file's root object" : "at '" + objectPath + "' inside a " + rootClass;
        String others = otherModels.isEmpty() ? "" : "; other diffusion models in the file (not used): " + String.join(", ", otherModels);
        return file.getFileName() + ": " + modelClass + " " + where + ": " + model.summary() + others;
    }
}
