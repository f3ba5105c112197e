package io.stackpilot.runtime.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ErrorResponse;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers for reflection the docker-java types that Jackson reads from Docker Engine responses and from
 * the Docker client configuration files, which a native executable needs. JVM mode does not use it.
 *
 * <p>{@code registerFullHierarchy} also registers the types of their fields, such as {@code ContainerState},
 * {@code HealthState} and {@code Ports}. That walk needs docker-java-api in the Jandex index, which
 * {@code quarkus.index-dependency.docker-java-api} in {@code application.yaml} adds. The named docker-java-core
 * classes are read from {@code ~/.docker/config.json} and Docker context files when the client starts.
 */
@RegisterForReflection(
        targets = {
            InspectContainerResponse.class,
            Container.class,
            Version.class,
            Info.class,
            Event.class,
            Frame.class,
            ErrorResponse.class
        },
        classNames = {
            "com.github.dockerjava.core.DockerConfigFile",
            "com.github.dockerjava.core.DockerConfigFile$1",
            "com.github.dockerjava.core.DockerContextMetaFile",
            "com.github.dockerjava.core.DockerContextMetaFile$Endpoints",
            "com.github.dockerjava.core.DockerContextMetaFile$Endpoints$Docker"
        },
        registerFullHierarchy = true)
final class DockerReflection {

    private DockerReflection() {}
}
